# udata settings of the test portal (read by udata with Flask's ``from_pyfile``, in udata's
# own venv: this file is never imported by the project). The ports and folders of a session
# come from the environment that tests/portals/udata_portal.py sets.
import os
import re

import bson.regex
import pymongo.collection
import pymongo.cursor

# SecantusDB refuses MongoDB text indexes (udata declares some for its search, which the
# publisher never uses): skip them when udata creates its indexes, here only.
_create_indexes = pymongo.collection.Collection.create_indexes
_create_index = pymongo.collection.Collection.create_index


def _is_text(keys):
    return any(kind == "text" for _, kind in (keys.items() if isinstance(keys, dict) else keys))


def _without_text_indexes(self, indexes, *args, **kwargs):
    kept = [index for index in indexes if not _is_text(index.document["key"])]
    return _create_indexes(self, kept, *args, **kwargs) if kept else []


def _without_text_index(self, keys, *args, **kwargs):
    if not isinstance(keys, str) and _is_text(keys):
        return None
    return _create_index(self, keys, *args, **kwargs)


pymongo.collection.Collection.create_indexes = _without_text_indexes
pymongo.collection.Collection.create_index = _without_text_index

# SecantusDB 0.7.0b3 finds nothing for a BSON regular expression on an indexed field (the
# ``{"$regex": …}`` form works): udata looks for the free suffix of a new slug that way
# (``slug-1``, ``slug-2``…), and without this the third dataset of one title fails.
_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.VERBOSE: "x"}


def _as_operator(value):
    if isinstance(value, (re.Pattern, bson.regex.Regex)):
        flags = value.flags if isinstance(value.flags, int) else 0
        return {"$regex": value.pattern,
                "$options": "".join(o for f, o in _FLAGS.items() if flags & f)}
    return value


def _rewrite(spec):
    if isinstance(spec, dict):
        return {k: (_rewrite(v) if k.startswith("$") else _as_operator(_rewrite(v)))
                for k, v in spec.items()}
    if isinstance(spec, list):
        return [_rewrite(v) for v in spec]
    return spec


_cursor_init = pymongo.cursor.Cursor.__init__


def _cursor_with_operators(self, collection, filter=None, *args, **kwargs):
    _cursor_init(self, collection, _rewrite(filter), *args, **kwargs)


pymongo.cursor.Cursor.__init__ = _cursor_with_operators

MONGODB_HOST = os.environ["TEST_UDATA_MONGODB"]
SERVER_NAME = os.environ["TEST_UDATA_SERVER_NAME"]
FS_ROOT = os.environ["TEST_UDATA_FILES"]
SECRET_KEY = API_TOKEN_SECRET = "test portal, not a secret"
SECURITY_PASSWORD_SALT = "test portal"
SESSION_COOKIE_SECURE = False
SEND_MAIL = False
# no DNS look-up of the test user's address
SECURITY_EMAIL_VALIDATOR_ARGS = {"check_deliverability": False}
# no Redis: tasks run at once, in the web process; cache in memory
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = "cache+memory://"
CACHE_TYPE = "flask_caching.backends.SimpleCache"
# uploaded files are served from 127.0.0.1
URLS_ALLOW_LOCAL = True
URLS_ALLOW_PRIVATE = True
