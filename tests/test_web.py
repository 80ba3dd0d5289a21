"""The web client's login page is served."""

import requests


def test_login_page(server_url):
    response = requests.get(f"{server_url}/web/login", timeout=30)
    assert response.status_code == 200
    html = response.text
    assert 'name="login"' in html, "no login field on /web/login"
    assert 'name="password"' in html, "no password field on /web/login"
    assert "oe_login_form" in html, "no login form on /web/login"
