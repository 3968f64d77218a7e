"""PDF documents and file writers (ReportLab, CSV, XLSX). No Qt and no database session:
they take plain data from the services and write bytes."""
