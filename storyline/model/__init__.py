"""The records every stage writes onto the one Document (doc.py), and the event record both ways (record.py)."""
