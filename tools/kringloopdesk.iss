; Inno Setup script: wraps dist\KringloopDesk (python tools\build_app.py) into one setup.exe.
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 tools\kringloopdesk.iss
;
; Writes dist\KringloopDesk-<version>-setup.exe. Needs Inno Setup 6.3 or newer. Installs per
; user without administrator rights (or for everyone, when the user chooses so and may), in
; Dutch. The data folder (%LOCALAPPDATA%\KringloopDesk: database, back-ups, logs) is never
; touched by installing, upgrading or uninstalling. See docs/build.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "KringloopDesk"
#define AppExe "KringloopDesk.exe"
#define SourceFolder "..\dist\KringloopDesk"

[Setup]
; Never change the AppId: Windows knows earlier installs (upgrades, uninstall) by it.
AppId={{78AA75DD-B19B-4579-9A18-4237E3648D52}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KringloopDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=KringloopDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kringloopdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; Close a running KringloopDesk before files are replaced (it backs up on closing).
CloseApplications=yes
RestartApplications=no
; To sign the installer and the uninstaller (docs/build.md), define a sign tool named
; "signtool" in the Inno Setup IDE (Tools > Configure Sign Tools) and uncomment:
; SignTool=signtool
; SignedUninstaller=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program's files as a whole: no file of an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
