from django import template

from objections.selectors import objections_of

register = template.Library()


@register.inclusion_tag("objections/_case_objections.html")
def case_objections(case):
    """The case's objections and rulings, on the case page."""
    return {"case": case, "objections": list(objections_of(case))}
