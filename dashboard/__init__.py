"""The Streamlit dashboard: app (script), map (folium building), assets (offline files)."""
