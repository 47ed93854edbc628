# One CMD per stage.
FROM python:3.12 AS test
CMD ["pytest"]

FROM python:3.12
ONBUILD CMD ["python", "setup.py"]
CMD ["gunicorn", "app:wsgi"]
