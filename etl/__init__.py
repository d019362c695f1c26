"""Import of OPD social media post logs into the warehouse. Plain Python, no Streamlit."""
