from crispy_forms.helper import FormHelper
from django import forms

from casebook.models import Holding

from .models import Objection


class HoldingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Holding) -> str:
        pinpoint = f", at {obj.pinpoint}" if obj.pinpoint else ""
        return f"{obj.opinion.case_name}{pinpoint}: {obj.get_effect_display()} ({obj.ground.name})"


class ObjectionForm(forms.ModelForm):
    # The version the editor loaded, sent back: the save is refused if it moved on (versioning).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    holding = HoldingChoice(
        queryset=Holding.objects.select_related("opinion", "ground").order_by(
            "opinion__case_name", "pk"
        ),
        required=False,
        label="Authority (a casebook holding)",
        help_text=Objection._meta.get_field("holding").help_text,
    )

    class Meta:
        model = Objection
        fields = ["psr_paragraph", "ground", "argument", "holding", "ruling"]
        labels = {"psr_paragraph": "Paragraph of the report", "ruling": "The court's ruling"}
        widgets = {"argument": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.helper = FormHelper()
        self.helper.form_tag = False

    def values(self) -> dict:
        """The objection's own fields, as `services.objection_save` takes them."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}
