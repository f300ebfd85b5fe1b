"""Territories of competence: the reference of communes, where changes lie, who is inside."""
