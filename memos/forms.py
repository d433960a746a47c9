"""The memo page's forms: the author's sections, each argument's options and authorities, and
the signer's block. Views read them; `memos.services` saves their cleaned data."""

from __future__ import annotations

from django import forms

from .models import AttorneyProfile, AuthorityRole, MemoDraft
from .sections import DepartureSection

DRAFT_MAX_CHARACTERS = 40_000
DISTINCTION_HELP = "Why this holding does not decide the request; printed right after it."
# A Manual without departures (Amendment 836, 2025) frames the request as a variance, which the
# departure holdings did not decide.
VARIANCE_HELP = (
    DISTINCTION_HELP + " This request is a variance under 18 U.S.C. § 3553(a): a holding that "
    "a departure was unavailable under an earlier Manual did not decide it."
)


class MemoDraftForm(forms.ModelForm):
    class Meta:
        model = MemoDraft
        fields = ["introduction", "facts", "factors", "conclusion", "sentence_asked"]
        labels = {
            "facts": "Facts and the defendant's history and characteristics",
            "factors": "The § 3553(a) factors",
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 6, "maxlength": DRAFT_MAX_CHARACTERS})
            for name in ("introduction", "facts", "factors", "conclusion")
        }


class AttorneyProfileForm(forms.ModelForm):
    class Meta:
        model = AttorneyProfile
        fields = ["bar_number", "address", "phone", "email"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        labels = {"email": "E-mail"}


class ArgumentForm(forms.Form):
    """One argument: which figures print with it, and the role of each holding it cites, with
    the distinction of an adverse one. Fields are named by the holding's id."""

    show_if_denied = forms.BooleanField(required=False, label='Print "If denied"')
    show_what_if = forms.BooleanField(required=False, label='Print "What if"')

    def __init__(self, *args, section: DepartureSection, **kwargs) -> None:
        super().__init__(*args, prefix=f"argument-{section.request_id}", **kwargs)
        self.section = section
        self.initial.setdefault("show_if_denied", section.show_if_denied)
        self.initial.setdefault("show_what_if", section.show_what_if)
        self.authorities = []
        for authority in (*section.binding, *section.persuasive):
            held = authority.holding_id
            self.fields[f"role_{held}"] = forms.ChoiceField(
                choices=AuthorityRole.Role.choices, initial=authority.role, label="Role"
            )
            self.fields[f"distinction_{held}"] = forms.CharField(
                required=False,
                initial=authority.distinction,
                label="Distinction",
                help_text=VARIANCE_HELP if section.variance else DISTINCTION_HELP,
                widget=forms.Textarea(attrs={"rows": 3, "maxlength": DRAFT_MAX_CHARACTERS}),
                max_length=DRAFT_MAX_CHARACTERS,
            )
            self.authorities.append((authority, self[f"role_{held}"], self[f"distinction_{held}"]))

    def roles(self) -> dict[int, tuple[str, str]]:
        """holding id → (role, distinction), from the cleaned data."""
        data = self.cleaned_data
        return {
            authority.holding_id: (
                data[f"role_{authority.holding_id}"],
                data[f"distinction_{authority.holding_id}"].strip(),
            )
            for authority, _, _ in self.authorities
            if authority.holding_id is not None
        }
