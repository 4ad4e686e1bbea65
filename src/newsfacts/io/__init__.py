"""Reading and writing: decode (bytes to text), sources (files, folders,
corpora, pieces of large files), select (the user's filters), writers,
summary, parallel (--jobs) and dask (a cluster)."""
