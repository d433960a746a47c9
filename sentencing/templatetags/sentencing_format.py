from django import template

register = template.Library()


@register.filter
def signed(levels: int) -> str:
    """+16, −3 (a real minus sign, as the Manual prints it)."""
    return f"+{levels}" if levels > 0 else f"−{abs(levels)}" if levels < 0 else "0"


@register.filter
def months(value: int | None) -> str:
    return "life" if value is None else f"{value} month{'' if value == 1 else 's'}"


@register.filter
def statutory_limits(calc) -> str:
    maximum = (
        "no maximum (life)"
        if calc.statutory_maximum_months is None
        else (f"maximum {months(calc.statutory_maximum_months)}")
    )
    if calc.statutory_minimum_months:
        return f"minimum {months(calc.statutory_minimum_months)}, {maximum}"
    return maximum


@register.filter
def prior_subsection(code: str) -> str:
    """A prior sentence's §4A1.1 subsection as the worksheet's choice names it."""
    from sentencing.models import PriorSentence

    return dict(PriorSentence.Subsection.choices).get(code, code)
