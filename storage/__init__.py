"""S3 edge of Ringfence: buckets, object layout, retention metadata."""
