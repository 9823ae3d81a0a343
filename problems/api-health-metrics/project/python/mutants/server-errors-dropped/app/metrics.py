# Mutant: 5xx answers are not counted
"""Request counts by method, route and status (problem.md R4–R5), counted once each request is answered."""


class Metrics:
    def __init__(self):
        self.counts = {}

    def middleware(self, request, call_next):
        """Counts every request once it has its answer."""
        response = call_next(request)
        if response.status_code < 500:
            self.count(request.method, request.route or "unmatched", response.status_code)
        return response

    def snapshot(self):
        """Every count, by route, then method, then status."""
        return [dict(c) for c in sorted(self.counts.values(), key=lambda c: (c["route"], c["method"], c["status"]))]

    def count(self, method, route, status):
        key = (method, route, status)
        entry = self.counts.setdefault(key, {"method": method, "route": route, "status": status, "count": 0})
        entry["count"] += 1
