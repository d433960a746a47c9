from django.core.management.base import BaseCommand

from casebook.seed import load_casebook, load_fast_track_split


class Command(BaseCommand):
    help = (
        "Loads the casebook's founding opinions, the authorities they cite, their holdings and "
        "treatment, then the reviewed fast-track split fixture (idempotent)."
    )

    def handle(self, *args, **options):
        summary = load_casebook()
        self.stdout.write(
            self.style.SUCCESS(
                f"Casebook loaded: {summary.opinions} opinions, {summary.edges} citations between "
                f"them, {summary.unmatched} citations of authorities not yet in the casebook, "
                f"{summary.holdings} holdings."
            )
        )
        split = load_fast_track_split()
        self.stdout.write(
            self.style.SUCCESS(
                f"Fast-track split loaded: {split.holdings} holdings; the casebook now holds "
                f"{split.opinions} opinions."
            )
        )
