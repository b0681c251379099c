# man pages are added here as they are written
