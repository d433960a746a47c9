def csp_nonce(request):
    """The Content-Security-Policy nonce for inline <script>/<style> tags: nonce="{{ csp_nonce }}".

    django-htmx's {% htmx_script %} reads it too. Lazy: a page that never uses it sends no nonce.
    """
    return {"csp_nonce": getattr(request, "csp_nonce", "")}
