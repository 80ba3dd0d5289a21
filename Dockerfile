# Realty CRM on the official Odoo 19 image. See docs/docker.md.
FROM odoo:19.0

USER root

# Python packages the product needs that the image lacks: cn2an (人民币大写 amounts),
# websocket-client (browser tours; without it Odoo skips them), pytest (end-to-end suite).
# phonenumbers (requirements.txt; phone_validation) is already in the image: Debian's python3-phonenumbers.
# The image's Python is Debian/Ubuntu-managed (PEP 668), hence --break-system-packages.
RUN pip3 install --no-cache-dir --break-system-packages cn2an websocket-client pytest
# OCA addons (pins as in requirements.txt). The image's Odoo is a .deb, not a pip distribution, so pip could not
# resolve their requirement odoo==19.0.*: --no-deps, and their own dependencies (xlsxwriter, xlrd) are in the image.
RUN pip3 install --no-cache-dir --break-system-packages --no-deps odoo-addon-report_xlsx==19.0.1.0.2.2
# realty_admin's OCA addons (same --no-deps reason) and auto_backup's own dependencies (cryptography is in the
# image); the backup directory is a volume (docker-compose.yml) that realty_admin finds through REALTY_BACKUP_DIR.
RUN pip3 install --no-cache-dir --break-system-packages --no-deps odoo-addon-auto_backup==19.0.1.0.1.2 \
        odoo-addon-base_user_role==19.0.1.3.3 odoo-addon-base_user_role_history==19.0.1.0.0.2 \
    && pip3 install --no-cache-dir --break-system-packages "paramiko<4" pysftp \
    && mkdir -p /var/lib/odoo-backups && chown odoo /var/lib/odoo-backups

# A browser for the tours (Odoo skips browser tests when none is on PATH). Ubuntu's own chromium
# package is only a snap wrapper that cannot run in a container, so Google Chrome is used (amd64 only).
ARG INSTALL_CHROME=true
RUN if [ "$INSTALL_CHROME" = "true" ] && [ "$(dpkg --print-architecture)" = "amd64" ]; then \
        apt-get update \
        && curl -fsSL -o /tmp/chrome.deb https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/chrome.deb \
        && rm -rf /var/lib/apt/lists/* /tmp/chrome.deb; \
    else \
        echo "No browser installed: Odoo will skip the browser tests in this image."; \
    fi

# The repository's server options (docker-compose.yml mounts the live file over this copy) and the
# entry point that turns them into /etc/odoo/odoo.conf for the container.
COPY odoo.conf /etc/odoo/realty.conf
COPY docker/realty-entrypoint.sh /usr/local/bin/realty-entrypoint.sh
# run by the entry point once, right after it creates the demo database: every user speaks 简体中文
COPY scripts/demo_language.py /usr/local/share/realty/demo_language.py
# The addons are mounted at /mnt/extra-addons by docker-compose.yml; the copy makes the image usable alone.
COPY --chown=odoo addons /mnt/extra-addons
RUN chmod 755 /usr/local/bin/realty-entrypoint.sh && chown odoo /etc/odoo/odoo.conf

USER odoo

ENTRYPOINT ["/usr/local/bin/realty-entrypoint.sh"]
CMD ["realty-serve"]
