# public showcase
from . import test_showcase
from . import test_showcase_tour

# my needs, recommendations, my home
from . import test_my_home
from . import test_my_needs
from . import test_portal_idor
from . import test_portal_invite
