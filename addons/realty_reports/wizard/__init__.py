# daily log
from . import realty_daily_report_make
