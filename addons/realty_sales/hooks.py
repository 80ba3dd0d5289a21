def post_init_hook(env):
    env["realty.demo"]._realty_sales_demo_reservations()
