"""The web client: a user logs in through the login form and gets a session; a wrong password does not."""

import re

import requests

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def login(server_url, db_name, password):
    """Open /web/login and submit its form as admin, as a browser does; returns (session, response)."""
    session = requests.Session()
    page = session.get(f"{server_url}/web/login", timeout=30)
    assert page.status_code == 200, page.text[:2000]
    csrf = CSRF_RE.search(page.text)
    assert csrf, "no csrf_token in the login form"
    form = {"login": "admin", "password": password, "csrf_token": csrf[1], "db": db_name}
    response = session.post(f"{server_url}/web/login", data=form, allow_redirects=False, timeout=30)
    return session, response


def session_uid(session, server_url):
    payload = {"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}
    response = session.post(f"{server_url}/web/session/get_session_info", json=payload, timeout=30)
    body = response.json()
    return (body.get("result") or {}).get("uid")


def test_admin_logs_in_through_the_form(server_url, db_name):
    session, response = login(server_url, db_name, "admin")
    assert response.status_code in (302, 303), f"HTTP {response.status_code}: {response.text[:2000]}"
    assert response.headers["Location"].split("?")[0].endswith("/odoo"), response.headers["Location"]
    assert session_uid(session, server_url) == 2, "the session is not admin's (uid 2)"
    backend = session.get(f"{server_url}/odoo", timeout=60)
    assert backend.status_code == 200
    assert "/web/login" not in backend.url, "the web client sent the logged-in user back to the login page"


def test_wrong_password_is_refused(server_url, db_name):
    session, response = login(server_url, db_name, "not-the-password")
    assert response.status_code == 200, f"HTTP {response.status_code}: {response.headers.get('Location')}"
    assert "Wrong login/password" in response.text
    assert not session_uid(session, server_url)
