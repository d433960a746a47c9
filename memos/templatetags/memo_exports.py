from django import template

from memos.selectors import exports_for

register = template.Library()


@register.simple_tag
def memo_exports(case):
    """A case's exported memos, newest first (without loading their PDFs)."""
    return exports_for(case)
