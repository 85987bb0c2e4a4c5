"""What every Kenesh stage shares: settings, typed errors, the records store and the file store."""
