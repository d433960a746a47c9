from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from sentencing.selectors import case_for

from . import selectors
from .arguments import departure_sections
from .forms import ArgumentForm, AttorneyProfileForm, MemoDraftForm
from .models import AttorneyProfile, MemoDraft
from .render import memo_html
from .services import (
    UnverifiedCitations,
    argument_update,
    attorney_profile_update,
    memo_draft_update,
    memo_export_create,
)
from .word import CONTENT_TYPE as DOCX


def _pdf_response(filename: str, content: bytes) -> HttpResponse:
    response = HttpResponse(bytes(content), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _docx_response(export) -> HttpResponse:
    response = HttpResponse(bytes(export.docx), content_type=DOCX)
    filename = export.filename.removesuffix(".pdf") + ".docx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@require_GET
def memo_preview(request, pk: int):
    """The memo as it would be exported now, with any unverified citation flagged first."""
    case = case_for(request.user, pk)
    try:
        memo = selectors.memo_for(case, user=request.user)
    except selectors.NoComputation as problem:
        return render(
            request, "memo/preview.html", {"case": case, "problem": str(problem)}, status=409
        )
    return render(request, "memo/preview.html", {"case": case, "memo": memo})


@login_required
@require_GET
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": ["'self'"]})
def memo_preview_html(request, pk: int):
    """The memo's own HTML, shown in the preview page's frame."""
    case = case_for(request.user, pk)
    try:
        memo = selectors.memo_for(case, user=request.user)
    except selectors.NoComputation as problem:
        return HttpResponse(str(problem), content_type="text/plain", status=409)
    return HttpResponse(memo_html(memo, for_pdf=False))


@login_required
@require_POST
def memo_export(request, pk: int):
    """Renders the PDF and the Word document, keeps both with the figures they print, and
    returns the one asked for (``format=docx``: the Word document)."""
    case = case_for(request.user, pk)
    try:
        export = memo_export_create(
            case=case,
            user=request.user,
            unverified_confirmed=request.POST.get("unverified_confirmed") == "1",
        )
    except UnverifiedCitations as unverified:
        messages.error(request, f"{unverified}. Confirm that you checked them, then export.")
        return redirect("memos:preview", pk=case.pk)
    except selectors.NoComputation as problem:
        messages.error(request, f"No memo to export: {problem}")
        return redirect("memos:preview", pk=case.pk)
    if request.POST.get("format") == "docx":
        return _docx_response(export)
    return _pdf_response(export.filename, export.pdf)


@login_required
@require_GET
def memo_download(request, pk: int, export_pk: int):
    """An earlier export, byte for byte as it was made."""
    case = case_for(request.user, pk)
    export = selectors.export_of(case, export_pk)
    return _pdf_response(export.filename, export.pdf)


@login_required
@require_GET
def memo_download_docx(request, pk: int, export_pk: int):
    """An earlier export's Word document, byte for byte as it was made."""
    case = case_for(request.user, pk)
    export = selectors.export_of(case, export_pk)
    if not export.docx:  # exported before memos had a Word version
        raise Http404("This export has no Word document.")
    return _docx_response(export)


@login_required
def memo_edit(request, pk: int):
    """The memo's own page: the author's sections, each argument's authorities and figures, and
    the signer's block."""
    case = case_for(request.user, pk)
    data = request.POST if request.method == "POST" else None
    draft = MemoDraft.objects.filter(case=case).first() or MemoDraft(case=case)
    profile = AttorneyProfile.objects.filter(user=request.user).first() or AttorneyProfile(
        user=request.user, email=request.user.email
    )
    draft_form = MemoDraftForm(data, instance=draft, prefix="draft")
    profile_form = AttorneyProfileForm(data, instance=profile, prefix="signer")
    argument_forms = [ArgumentForm(data, section=s) for s in departure_sections(case)]
    forms = [draft_form, profile_form, *argument_forms]
    if data is not None and all(form.is_valid() for form in forms):
        memo_draft_update(case=case, **draft_form.cleaned_data)
        attorney_profile_update(user=request.user, **profile_form.cleaned_data)
        for form in argument_forms:
            argument_update(
                case=case,
                request_id=form.section.request_id,
                show_if_denied=form.cleaned_data["show_if_denied"],
                show_what_if=form.cleaned_data["show_what_if"],
                roles=form.roles(),
            )
        messages.success(request, "Memo saved.")
        return redirect("memos:preview", pk=case.pk)
    return render(
        request,
        "memo/edit.html",
        {
            "case": case,
            "draft_form": draft_form,
            "profile_form": profile_form,
            "argument_forms": argument_forms,
            "failed": data is not None,
        },
        status=400 if data is not None else 200,
    )
