# Mutant: a refused request still runs its handler before the 429 replaces its answer
"""Rate limiting (problem.md R1–R6): each client gets LIMIT requests in any WINDOW_MS window, counted from
the requests it was let through in the last 60 seconds (a sliding log per client)."""

import math

from framework import JSONResponse

LIMIT = 5
WINDOW_MS = 60_000


def is_exempt(path):
    """Health checks and the developer routes are never limited (R5)."""
    return path == "/health" or path.startswith("/dev/")


def rate_limit(clock):
    counted = {}

    def middleware(request, call_next):
        if is_exempt(request.path):
            return call_next(request)
        client = (request.header("X-Client-Id") or "").strip() or "anonymous"
        now = clock.now()
        recent = [at for at in counted.get(client, []) if now - at < WINDOW_MS]
        counted[client] = recent
        if len(recent) >= LIMIT:
            call_next(request)
            retry_after = max(1, math.ceil((recent[0] + WINDOW_MS - now) / 1000))
            return JSONResponse({"error": "rate limit exceeded", "retryAfter": retry_after}, status_code=429,
                                headers={"Retry-After": str(retry_after), "X-RateLimit-Limit": str(LIMIT),
                                         "X-RateLimit-Remaining": "0"})
        recent.append(now)
        response = call_next(request)
        response.set_header("X-RateLimit-Limit", str(LIMIT))
        response.set_header("X-RateLimit-Remaining", str(LIMIT - len(recent)))
        return response

    return middleware
