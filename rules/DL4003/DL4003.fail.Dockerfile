FROM python:3.12 AS app
CMD ["python", "manage.py", "migrate"]
RUN pip install --no-cache-dir gunicorn
# The second CMD of the stage replaces the first.
CMD ["gunicorn", "app:wsgi"]
# A third one, in shell form.
cmd gunicorn app:wsgi --workers 4
