from . import realty_reservation_change
