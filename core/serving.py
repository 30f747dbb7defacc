"""Page behaviour that lives above the models: a page model's `serve` (or any other step a view
module owns) asks this registry for the function its app registered, instead of importing the
view module, which imports the models back.

    # actions/action_views.py, imported by ActionsConfig.ready()
    @serving.handles("serve", PetitionPage, PledgePage)
    def serve_action_page(page, request, *args, **kwargs): ...

    # actions/models/petitions.py
    def serve(self, request, *args, **kwargs):
        return serving.handler(self, "serve")(self, request, *args, **kwargs)

Models then never import views, forms or form handlers, and no two modules import each other
(docs/architecture.md; import-linter holds it). A handler is found along the page class's MRO, so
one registered for an abstract page serves every page built on it."""

from collections.abc import Callable

_handlers: dict[tuple[type, str], Callable] = {}


def handles(step: str, *models: type) -> Callable[[Callable], Callable]:
    def register(function: Callable) -> Callable:
        for model in models:
            _handlers[(model, step)] = function
        return function

    return register


def handler(page_or_model, step: str) -> Callable:
    model = page_or_model if isinstance(page_or_model, type) else type(page_or_model)
    for cls in model.__mro__:
        function = _handlers.get((cls, step))
        if function is not None:
            return function
    raise LookupError(
        f"No {step!r} handler for {model.__name__}: is the module that registers it imported "
        "in its app's AppConfig.ready()?"
    )
