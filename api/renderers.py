from ninja.renderers import JSONRenderer


class EscapedJSONRenderer(JSONRenderer):
    """JSON with <, > and & as \\u escapes: the same data, but never markup, even to a client
    that sniffs it as HTML (user text such as a defendant's name is sent as typed)."""

    def render(self, request, data, *, response_status):
        text = super().render(request, data, response_status=response_status)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
