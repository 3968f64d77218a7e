"""Use cases, one module per area. Each takes a Session from the caller and returns plain
data (dataclasses), never live ORM rows; none of them imports Qt."""
