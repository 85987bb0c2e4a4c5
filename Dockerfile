# Kenesh API and workers. The same image runs `uvicorn api.app:app` or `kenesh worker`.
FROM python:3.11-slim-bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libreoffice-writer-nogui python3-uno tesseract-ocr tesseract-ocr-kir tesseract-ocr-rus poppler-utils fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir -e ".[server,scale]"
ENV KENESH_DATA_DIR=/data
VOLUME /data
EXPOSE 8000
CMD ["uvicorn", "api.app:app", "--host", "0.0.0.0", "--port", "8000"]
