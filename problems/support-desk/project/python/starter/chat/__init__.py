"""The support desk's server side: models, store, connection hub and request handlers."""
