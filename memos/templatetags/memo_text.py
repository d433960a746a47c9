from django import template

from memos.text import breakable as make_breakable

register = template.Library()


@register.filter
def breakable(text: str) -> str:
    """Text with an invisible break opportunity in each run too long for a line
    (`memos.text.breakable`), for where ``overflow-wrap: anywhere`` would cost too much: the page
    margins, whose width the engine measures afresh on every page."""
    return make_breakable(str(text))
