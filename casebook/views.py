from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def opinion_list(request):
    return render(request, "casebook/opinion_list.html", {})
