from django import template

register = template.Library()


@register.filter
def status_class(status: str) -> str:
    """CSS modifier for an assessment status ('not_met' → 'not-met')."""
    return str(status).replace("_", "-")


@register.filter
def result_for(state, criterion):
    """A StateScore's result for one criterion: {{ state|result_for:criterion }}."""
    return state.result_for(criterion)
