# daily log
from . import realty_daily_report
from . import realty_daily_report_line
from . import realty_daily_report_figures
from . import realty_daily_report_rollup

# daily log: mail, xlsx, pdf
from . import res_config_settings
from . import res_users

# analyses: sales, sell-through, collections
from . import realty_report_ratio_mixin  # the analyses below inherit it
from . import realty_report_sales
from . import realty_report_sellthrough
from . import realty_report_collection

# analyses: funnel, advertising, salesperson performance
from . import realty_ad_spend
from . import realty_report_funnel
from . import realty_report_advertising
from . import realty_sales_target
from . import realty_report_salesperson

# dashboard
from . import realty_dashboard

# demo: 90 days of history
from . import realty_demo
