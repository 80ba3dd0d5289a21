# daily log
from . import test_daily_report
from . import test_daily_report_access
from . import test_daily_report_rollup

# daily log: mail, xlsx, pdf
from . import test_daily_report_mail
from . import test_daily_report_export

# analyses: sales, sell-through, collections
from . import test_report_sales
from . import test_report_sellthrough
from . import test_report_collection

# analyses: funnel, advertising, salesperson performance
from . import test_report_funnel
from . import test_report_advertising
from . import test_report_salesperson
from . import test_ad_spend

# dashboard
from . import test_dashboard
from . import test_dashboard_tour
