from odoo.tests import tagged

from .test_showcase import ShowcaseCase


@tagged("post_install", "-at_install")
class TestShowcaseTour(ShowcaseCase):
    """In a browser at phone width: showcase → layout → add to compare (twice) → the comparison table."""

    browser_size = "390x844"

    def test_showcase_tour(self):
        self.start_tour("/realty", "realty_portal_showcase_tour")
