# lib/activate: device-mapper tables and libdevmapper calls (not yet built)
