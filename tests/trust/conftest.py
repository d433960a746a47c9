import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The factories' users log in many times here; a fast hasher keeps the tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
