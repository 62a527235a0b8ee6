"""Seed the test udata with what its loaders would download (run in udata's own venv).

``python udata_seed.py SPEC``, SPEC being JSON: the licences, the spatial zone, the user's
e-mail and the organisation's name. Creates them, and an API token for the user; prints
``{"key": …, "organization": …}`` on its last line.
"""

import json
import sys
from datetime import UTC, datetime

from udata.app import create_app, standalone

spec = json.loads(sys.argv[1])
app = standalone(create_app())
with app.app_context():
    from flask_security.utils import hash_password

    from udata.core.api_token.models import ApiToken
    from udata.models import GeoZone, License, Member, Organization, datastore

    for licence in spec["licenses"]:
        License.objects.create(id=licence["id"], title=licence["title"], url=licence["url"],
                               active=True)
    zone = spec["zone"]
    GeoZone.objects.create(id=zone["id"], slug=zone["slug"], name=zone["name"],
                           code=zone["code"], level=zone["level"])
    user = datastore.create_user(first_name="Test", last_name="Publisher", email=spec["email"],
                                 password=hash_password("Test-password-1"),
                                 confirmed_at=datetime.now(UTC))
    organization = Organization.objects.create(name=spec["organization"],
                                               description="Organisation of the test portal",
                                               members=[Member(user=user, role="admin")])
    _, key = ApiToken.generate(user, name="tests")
    print(json.dumps({"key": key, "organization": organization.slug}))
