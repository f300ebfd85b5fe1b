"""Test support shared by the test layers and `make run`: real servers (servers.py), the
real QGIS desktop under Xvfb (desktop.py), the PostgreSQL store (postgres.py)."""
