import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
application = get_wsgi_application()

# What is alive once the application is loaded lives as long as the process: kept out of the
# collector's full passes, which would otherwise walk it all during some request (a pause of
# ~100 ms), and, under gunicorn --preload, shared with the workers rather than copied.
gc.freeze()
