def post_init_hook(env):
    env["realty.demo"]._realty_base_demo_sales_states()
