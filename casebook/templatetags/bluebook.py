"""Citations on every page: ``{% load bluebook %}{% citation value href=url %}``.

`value` is a `casebook.bluebook.Citation`; the tag sets its case names and explanatory phrases in
italics, links them (or, with no case name, the pinpoint or the cite) to `href`, and puts the one
unverified-citation marker (templates/casebook/_unverified.html) after a citation with a cite
nobody has checked. A plain string prints as it is.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from casebook import bluebook

register = template.Library()


def _linked(text: str, href: str, css_class: str = "") -> str:
    if css_class:
        return format_html('<a class="{}" href="{}">{}</a>', css_class, href, text)
    return format_html('<a href="{}">{}</a>', href, text)


def _unverified_marker(cites: tuple[str, ...]) -> str:
    """The one marker, its title naming the cites: "227 F.3d 1255: not yet confirmed…"."""
    title = f"{'; '.join(cites)}: {bluebook.UNVERIFIED_MEANING}"
    html = render_to_string(
        "casebook/_unverified.html", {"label": bluebook.UNVERIFIED, "title": title}
    )
    return mark_safe(html.strip())


@register.simple_tag
def citation(value, href: str = "") -> str:
    """A `bluebook.Citation` as HTML (see the module's docstring); a plain string escaped."""
    if not value:
        return ""
    parts = getattr(value, "parts", None)
    if parts is None:
        return conditional_escape(value)
    link_cite = href and not any(p.role in (bluebook.NAME, bluebook.PIN) for p in parts)
    html = []
    for part in parts:
        if part.role in (bluebook.NAME, bluebook.PHRASE):
            text = format_html("<em>{}</em>", part.text)
            html.append(_linked(text, href) if href and part.role == bluebook.NAME else text)
        elif part.role == bluebook.PIN and href:
            html.append(_linked(part.text, href, "pinpoint"))
        elif part.role == bluebook.CITE and link_cite:
            html.append(_linked(part.text, href))
            link_cite = False
        else:
            html.append(conditional_escape(part.text))
    if value.unverified:
        html.append(_unverified_marker(value.unverified))
    return mark_safe("".join(html))
