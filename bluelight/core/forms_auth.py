from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from bluelight.core import security
from bluelight.core.forms import GovukFormMixin


class SignInForm(GovukFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been disabled.",
        "throttled": (
            "Sign-in is paused for this account after too many failed attempts. Wait 15 minutes and try "
            "again, or ask your programme office to check the account."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if username and security.sign_in_throttled(username, self.request):
            security.log(security.Kind.SIGN_IN_THROTTLED, request=self.request, username=username)
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        return super().clean()
