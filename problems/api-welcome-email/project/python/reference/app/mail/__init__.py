"""Mail the service sends."""
