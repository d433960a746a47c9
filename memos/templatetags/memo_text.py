from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from casebook.templatetags.bluebook import citation
from memos.text import breakable as make_breakable

register = template.Library()


@register.filter
def breakable(text: str) -> str:
    """Text with an invisible break opportunity in each run too long for a line
    (`memos.text.breakable`), for where ``overflow-wrap: anywhere`` would cost too much: the page
    margins, whose width the engine measures afresh on every page."""
    return make_breakable(str(text))


def mention_html(mention) -> str:
    """A citation at its anchor, case names in italics (`casebook.bluebook`'s parts)."""
    text = citation(mention.citation) if mention.citation else conditional_escape(mention.rest)
    return format_html('<cite id="{}">{}</cite>', mention.anchor, text)


@register.filter
def runs(paragraph) -> str:
    """A paragraph as printed: its plain text escaped, each citation found in it at its anchor."""
    return mark_safe(
        "".join(
            mention_html(run.mention) if run.mention else conditional_escape(run.text)
            for run in paragraph
        )
    )
