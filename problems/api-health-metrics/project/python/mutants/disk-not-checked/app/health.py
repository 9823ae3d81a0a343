# Mutant: the disk is never checked
"""GET /health (problem.md R1–R3): every dependency checked afresh on every request, each reported on its
own; 503 when any fails."""

from framework import JSONResponse

PROBE = "health-probe"


def check_mail(deps):
    deps.mail.ping()


def check_disk(deps):
    pass


# The dependencies, by the name the answer reports them under.
CHECKS = {"mail": check_mail, "disk": check_disk}


def run(check, deps):
    try:
        check(deps)
    except Exception as error:  # noqa: BLE001 - whatever a dependency raises is its failure (R3)
        return {"status": "failing", "error": str(error) or type(error).__name__}
    return {"status": "ok"}


def health(deps):
    checks = {name: run(check, deps) for name, check in CHECKS.items()}
    ok = all(c["status"] == "ok" for c in checks.values())
    return JSONResponse({"status": "ok" if ok else "failing", "checks": checks}, status_code=200 if ok else 503)
