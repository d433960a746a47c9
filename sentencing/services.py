"""Writes. Views call these; they never save models themselves."""

from dataclasses import dataclass

from django.db import transaction

from offices.models import Office

from .forms import CaseWorksheet
from .models import Case


@dataclass
class EditConflict(Exception):
    """Someone else saved the case after this editor loaded it."""

    current: Case

    def __str__(self) -> str:
        who = self.current.updated_by.get_full_name() if self.current.updated_by else "someone"
        return f"{who or self.current.updated_by.username} saved this case while you were editing."


@transaction.atomic
def case_save(*, worksheet: CaseWorksheet, user, office: Office) -> Case:
    """Saves a valid worksheet: the case and all its rows, or nothing.

    An existing case is saved only if its version is the one the editor loaded; otherwise
    EditConflict is raised and nothing changes.
    """
    case = worksheet.form.instance
    if case.pk is None:
        case.office = office
        case.created_by = user
        case.version = 1
    else:
        loaded_version = worksheet.form.cleaned_data.get("version")
        claimed = Case.objects.filter(pk=case.pk, version=loaded_version).update(
            version=(loaded_version or 0) + 1
        )
        if not claimed:
            raise EditConflict(Case.objects.select_related("updated_by").get(pk=case.pk))
        case.version = loaded_version + 1
    case.updated_by = user
    case._history_user = user  # the audit trail's "who", also outside a request
    case.save()
    for formset in worksheet.formsets:
        formset.instance = case
        formset.save(commit=False)  # fills formset.deleted_objects
        for row in formset.deleted_objects:
            row._history_user = user
            row.delete()
        for position, row in enumerate(worksheet.kept_rows(formset)):
            row.case = case
            row.position = position
            row._history_user = user
            row.save()
    return case
